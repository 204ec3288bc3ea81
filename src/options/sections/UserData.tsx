// Muted entities (unmute) and "Wrong match" reports (delete, with Undo).
import { useEffect, useState } from 'preact/hooks';
import type { EntityView, ReportView } from '../../shared/messages';
import { sendToBackground } from '../../shared/messaging';
import { formatDate, t } from '../../shared/i18n';
import { TypeBadge } from '../../ui/TypeBadge';
import { errorText } from '../../ui/page';
import { Section } from './Section';
import type { DataProps } from './types';

export function UserDataSection({ dataVersion, onChanged }: DataProps) {
  const [muted, setMuted] = useState<EntityView[] | null>(null);
  const [reports, setReports] = useState<ReportView[] | null>(null);
  const [deleted, setDeleted] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendToBackground('listUserData', {}).then(
      (r) => {
        setMuted(r.muted);
        setReports(r.reports);
      },
      (e) => setError(errorText(e)),
    );
  }, [dataVersion]);

  const run = (p: Promise<unknown>) => void p.then(onChanged, (e) => setError(errorText(e)));

  const del = (r: ReportView) => {
    setDeleted(r);
    run(sendToBackground('deleteReport', { reportId: r.reportId }));
  };
  const undo = () => {
    if (!deleted) return;
    const { id, text, hostname, createdAt } = deleted;
    setDeleted(null);
    run(sendToBackground('restoreReport', { report: { id, text, hostname, createdAt } }));
  };

  return (
    <Section id="userdata" title={t('optUserData')}>
      {error && (
        <p class="error" role="alert">
          {t('commonError', error)}
        </p>
      )}
      <h3 class="section-sub">{t('optMutedList')}</h3>
      <div data-testid="options-muted">
        {muted === null ? (
          <p class="muted">{t('commonLoading')}</p>
        ) : muted.length === 0 ? (
          <p class="muted">{t('optMutedEmpty')}</p>
        ) : (
          <ul class="rows">
            {muted.map((e) => (
              <li class="row" key={e.id} data-entity-id={e.id}>
                <span class="row-main">
                  <TypeBadge type={e.type} /> {e.name}
                </span>
                <button type="button" aria-label={t('optUnmuteLabel', e.name)} onClick={() => run(sendToBackground('setMuted', { id: e.id, muted: false }))}>
                  {t('optUnmute')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <h3 class="section-sub">{t('optReports')}</h3>
      <div data-testid="options-reports">
        <div role="status" aria-live="polite">
          {deleted && (
            <p class="undo-bar">
              {t('optReportDeleted')}{' '}
              <button type="button" data-testid="options-report-undo" onClick={undo}>
                {t('commonUndo')}
              </button>
            </p>
          )}
        </div>
        {reports === null ? (
          <p class="muted">{t('commonLoading')}</p>
        ) : reports.length === 0 ? (
          <p class="muted">{t('optReportsEmpty')}</p>
        ) : (
          <ul class="rows">
            {reports.map((r) => (
              <li class="row" key={r.reportId} data-report-id={r.reportId}>
                <span class="row-main">
                  {t('optReportItem', [r.text, r.hostname, r.entityName ?? r.id, formatDate(new Date(r.createdAt).toISOString().slice(0, 10))])}
                </span>
                <button type="button" class="danger" aria-label={t('optReportDeleteLabel', r.text)} onClick={() => del(r)}>
                  {t('optReportDelete')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
