// Import/validation problems as one readable line each: "Entity 3 (line 5), field sources[0].url: …".
// The background's messages are self-contained English ("line 5 (entity 2) "id": sources[0].url: …");
// the location part is rebuilt here from the structured fields so it is translated, and only the
// detail after it is kept.
import type { ImportProblem } from '../shared/messages';
import { t } from '../shared/i18n';

const LOCATION = /^(?:line \d+(?: \(entity \d+\))?|entity \d+|entity)(?: "(?:[^"\\]|\\.)*")?: /;

export function problemDetail(p: ImportProblem): string {
  let m = p.message;
  for (let i = 0; i < 2 && LOCATION.test(m); i++) m = m.replace(LOCATION, '');
  const colon = m.indexOf(': ');
  if (p.field && colon > 0 && p.field.endsWith(m.slice(0, colon))) m = m.slice(colon + 2);
  return m;
}

export function describeProblem(p: ImportProblem): string {
  const where: string[] = [];
  // entityIndex is 0-based in the protocol; readers count from 1.
  const entity = p.entityIndex !== undefined ? String(p.entityIndex + 1) : null;
  const line = p.line !== undefined ? String(p.line) : null;
  if (entity && line) where.push(t('optProblemEntityLine', [entity, line]));
  else if (entity) where.push(t('optProblemEntity', entity));
  else if (line) where.push(t('optProblemLine', line));
  if (p.field) where.push(t(where.length ? 'optProblemField' : 'optProblemFieldOnly', p.field));
  const detail = problemDetail(p);
  return where.length ? `${where.join(', ')}: ${detail}` : detail;
}
