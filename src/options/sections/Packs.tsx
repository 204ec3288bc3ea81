import { useEffect, useState } from 'preact/hooks';
import { messageChunks, type ImportProblem, type KbStats, type PackInfo } from '../../shared/messages';
import { sendToBackground } from '../../shared/messaging';
import { formatDate, t } from '../../shared/i18n';
import { ENTITY_TYPES } from '../../core/types';
import { Switch } from '../../ui/Switch';
import { downloadText } from '../../ui/download';
import { describeProblem } from '../../ui/problems';
import { errorText } from '../../ui/page';
import { typeLabel } from '../../ui/TypeBadge';
import { Section } from './Section';
import type { DataProps } from './types';

type ImportState =
  | { status: 'idle' }
  | { status: 'busy'; mb: string }
  | { status: 'done'; pack: PackInfo }
  | { status: 'failed'; errors: ImportProblem[] };

function isoDay(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString().slice(0, 10) : '';
}

export function PacksSection({ dataVersion, onChanged }: DataProps) {
  const [packs, setPacks] = useState<PackInfo[] | null>(null);
  const [stats, setStats] = useState<KbStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imp, setImp] = useState<ImportState>({ status: 'idle' });

  useEffect(() => {
    sendToBackground('listPacks', {}).then((r) => setPacks(r.packs), (e) => setError(errorText(e)));
    sendToBackground('stats', {}).then(setStats, () => undefined);
  }, [dataVersion]);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      setError(null);
      await fn();
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const exportPack = (p: PackInfo, jsonl: boolean) =>
    void receivePack(p.id, jsonl).then(
      (r) => downloadText(r.text, r.fileName, jsonl ? 'application/x-ndjson' : 'application/json'),
      (e) => setError(errorText(e)),
    );

  const remove = (p: PackInfo) => {
    if (!window.confirm(t('optPackRemoveConfirm', [p.name, String(p.entityCount)]))) return;
    void act(() => sendToBackground('removePack', { id: p.id }));
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setImp({ status: 'busy', mb: (file.size / 1_048_576).toFixed(1) });
    try {
      const text = await file.text();
      const r = await sendPack(text, file.name);
      if (r.ok) {
        setImp({ status: 'done', pack: r.pack });
        onChanged();
      } else setImp({ status: 'failed', errors: r.errors });
    } catch (err) {
      setImp({ status: 'failed', errors: [{ field: '', message: errorText(err) }] });
    } finally {
      input.value = '';
    }
  };

  return (
    <Section id="packs" title={t('optPacks')}>
      {error && (
        <p class="error" role="alert">
          {t('commonError', error)}
        </p>
      )}
      <div data-testid="options-pack-list">
        {packs === null ? (
          <p class="muted">{t('commonLoading')}</p>
        ) : packs.length === 0 ? (
          <p class="muted">{t('optPacksEmpty')}</p>
        ) : (
          <ul class="cards">
            {packs.map((p) => (
              <li class="card pack" key={p.id} data-pack-id={p.id}>
                <div class="pack-head">
                  <h3>{p.name}</h3>
                  <Switch label={t('optPackEnabled', p.name)} checked={p.enabled} onChange={(on) => void act(() => sendToBackground('setPackEnabled', { id: p.id, enabled: on }))} />
                </div>
                <p class="muted">{t('optPackMeta', [p.version, p.entityCount.toLocaleString(), p.license, formatDate(isoDay(p.installedAt))])}</p>
                <div class="actions">
                  <button type="button" aria-label={t('optPackExportLabel', [p.name, 'JSON'])} onClick={() => exportPack(p, false)}>
                    {t('optPackExportJson')}
                  </button>
                  <button type="button" aria-label={t('optPackExportLabel', [p.name, 'JSONL'])} onClick={() => exportPack(p, true)}>
                    {t('optPackExportJsonl')}
                  </button>
                  <button type="button" class="danger" aria-label={t('optPackRemoveLabel', p.name)} onClick={() => remove(p)}>
                    {t('commonRemove')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>

      <h3 class="section-sub">{t('optImport')}</h3>
      <div class="field">
        <label for="pack-file">{t('optImportLabel')}</label>
        <input id="pack-file" type="file" accept=".json,.jsonl,application/json" data-testid="options-import-input" disabled={imp.status === 'busy'} onChange={onFile} />
      </div>
      <div role="status" aria-live="polite">
        {imp.status === 'busy' && (
          <p class="progress">
            <progress aria-label={t('optImporting', imp.mb)} />
            <span>{t('optImporting', imp.mb)}</span>
          </p>
        )}
        {imp.status === 'done' && <p class="status">{t('optImportDone', [imp.pack.name, imp.pack.entityCount.toLocaleString()])}</p>}
      </div>
      {imp.status === 'failed' && (
        <div class="error-box" role="alert">
          <p>{t('optImportFailed')}</p>
          <ul data-testid="options-import-errors">
            {imp.errors.slice(0, 200).map((p, i) => (
              <li key={i}>{describeProblem(p)}</li>
            ))}
          </ul>
        </div>
      )}

      <h3 class="section-sub">{t('optStats')}</h3>
      {stats ? (
        <>
          <dl class="stats" data-testid="options-stats">
            <div>
              <dt>{t('optStatsEntities')}</dt>
              <dd>{stats.entities.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t('optStatsAliases')}</dt>
              <dd>{stats.aliases.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t('optStatsPacks')}</dt>
              <dd>{stats.packs.toLocaleString()}</dd>
            </div>
            {ENTITY_TYPES.filter((ty) => stats.byType[ty]).map((ty) => (
              <div key={ty}>
                <dt>{typeLabel(ty)}</dt>
                <dd>{stats.byType[ty]!.toLocaleString()}</dd>
              </div>
            ))}
          </dl>
          {stats.matcherBuildMs !== undefined && <p class="muted small">{t('optStatsMatcher', String(Math.round(stats.matcherBuildMs)))}</p>}
        </>
      ) : (
        <p class="muted">{t('commonLoading')}</p>
      )}
    </Section>
  );
}

/** Sends a pack file to the background, in pieces when it is too large for one message. */
async function sendPack(text: string, fileName: string) {
  const pieces = messageChunks(text);
  if (pieces.length === 1) return sendToBackground('importPack', { text, fileName });
  const uploadId = crypto.randomUUID();
  for (const [index, piece] of pieces.entries()) await sendToBackground('importChunk', { uploadId, index, text: piece });
  return sendToBackground('importPack', { uploadId, parts: pieces.length, fileName });
}

/** Fetches an export, piece by piece when it is too large for one reply. */
async function receivePack(id: string, jsonl: boolean): Promise<{ text: string; fileName: string }> {
  const first = await sendToBackground('exportPack', { id, jsonl });
  if (first.parts <= 1 || !first.exportId) return first;
  const pieces = [first.text];
  for (let index = 1; index < first.parts; index++) pieces.push((await sendToBackground('exportChunk', { exportId: first.exportId, index })).text);
  return { text: pieces.join(''), fileName: first.fileName };
}
