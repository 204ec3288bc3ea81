// Content script entry. Decides whether highlighting runs on this page and starts or stops a
// PageSession; each feature takes an AbortSignal (as refined-github's features do) so turning off
// undoes everything without a reload.
import browser, { type Runtime } from '../shared/browser';
import { parseEnvelope, toContent, type ContentResponses, type Reply } from '../shared/messages';
import { sendToBackground } from '../shared/messaging';
import { isActiveOn, type Settings } from '../shared/settings';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { PageSession, STATE_ATTR } from './session';
import { PopoverController } from './popover/controller';
import { initInteractions } from './interactions';
import { initObserver } from './observe';
import { lookupText, scrollToEntity } from './page-actions';

interface Running {
  controller: AbortController;
  session: PageSession;
  popover: PopoverController;
}

let settings: Settings;
let running: Running | null = null;
/** The keyboard command pauses this tab only, until reload. */
let pausedForTab = false;

function shouldRun(): boolean {
  return !pausedForTab && isActiveOn(settings, location.hostname);
}

function start(): void {
  if (running) return;
  const controller = new AbortController();
  const session = new PageSession(document, settings, controller.signal);
  const popover = new PopoverController(document, {
    getEntity: async (id) => session.entities.get(id) ?? (await sendToBackground('getEntities', { ids: [id] })).entities[0] ?? null,
    onMute: async (e) => {
      await sendToBackground('setMuted', { id: e.id, muted: true });
      restart(); // repaint without the muted entity
    },
    onWrongMatch: async (e, mark) => {
      await sendToBackground('reportWrongMatch', { id: e.id, text: mark.text.slice(0, 500), hostname: location.hostname });
    },
    onOpenEntry: (e) => {
      void sendToBackground('openEntry', { id: e.id }).catch(() => undefined);
    },
    showDebug: () => settings.showDebug,
    onClosed: () => session.painter.setActive(null),
  });
  running = { controller, session, popover };
  initInteractions(session, popover, controller.signal);
  // Observe from the start: an SPA that renders while the first scan is still waiting on the
  // background (a cold worker, a first-run install) must not lose that content. Batches queue behind
  // the first scan, and text it already covered is skipped.
  initObserver(session, controller.signal);
  void session.start();
}

function stop(): void {
  running?.controller.abort();
  running = null;
}

function restart(): void {
  stop();
  if (shouldRun()) start();
}

function apply(next: Settings): void {
  const prev = settings;
  settings = next;
  if (!shouldRun()) return stop();
  if (!running) return start();
  // Changes that alter what is painted or how need a fresh pass; the rest are read live.
  const repaint =
    prev.keyboardMode !== next.keyboardMode ||
    prev.firstOccurrenceOnly !== next.firstOccurrenceOnly ||
    prev.detectUnknown !== next.detectUnknown ||
    JSON.stringify(prev.categories) !== JSON.stringify(next.categories);
  if (repaint) return restart();
  running.session.settings = next;
  if (prev.highlightStyle !== next.highlightStyle) running.session.painter.setStyle(next.highlightStyle);
}

type ContentHandlers = { [K in keyof ContentResponses]: (payload: never) => Promise<ContentResponses[K]> | ContentResponses[K] };

const handlers: ContentHandlers = {
  getPageSummary: () => ({
    hostname: location.hostname,
    title: document.title,
    active: running !== null,
    pausedForTab,
    entities: running?.session.summary() ?? [],
  }),
  scrollToEntity: ({ id }: { id: string }) => ({ found: running ? scrollToEntity(running.session, id) : false }),
  lookupText: async ({ text }: { text: string }) => ({ found: await lookupText(running, text) }),
  toggleTab: () => {
    pausedForTab = !pausedForTab;
    restart();
    return { active: running !== null };
  },
};

/** Same-origin frames (embedded live blogs, article iframes) get highlights too; third-party frames (ads,
 * players) are left alone, and only the top frame answers the popup. */
function frameRole(): 'top' | 'same-origin' | 'foreign' {
  if (window === window.top) return 'top';
  try {
    return window.top!.location.origin === location.origin ? 'same-origin' : 'foreign';
  } catch {
    return 'foreign'; // reading a cross-origin top's location throws
  }
}
const role = frameRole();

if (role === 'top') browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  // Only our own background and extension pages may talk to the content script.
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = parseEnvelope(toContent, raw);
  if ('error' in parsed) return undefined; // not for us (e.g. a message meant for the background)
  const handler = handlers[parsed.type] as (p: unknown) => unknown;
  return Promise.resolve()
    .then(() => handler(parsed.payload))
    .then(
      (data) => ({ ok: true, data }) satisfies Reply<unknown>,
      (err: unknown) => ({ ok: false, error: String(err) }) satisfies Reply<unknown>,
    );
});

async function main(): Promise<void> {
  // User Timing marks: the e2e and BENCHMARKS.md measure script start → highlights from these.
  performance.mark('context-overlays:start');
  if (role === 'foreign' || !/^https?:$/.test(location.protocol) || document.documentElement.hasAttribute(STATE_ATTR)) return;
  settings = await loadSettings();
  const lifetime = new AbortController();
  onSettingsChanged(apply, lifetime.signal);
  if (shouldRun()) start();
  else document.documentElement.setAttribute(STATE_ATTR, 'off');
}

void main();
