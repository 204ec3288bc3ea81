// Renders the real Popover component and stylesheet into an OPEN shadow root on a plain page, so
// axe-core (which cannot enter the product's closed root) can check the card itself.
import { render } from 'preact';
import { Popover } from '../../../src/content/popover/Popover';
import { POPOVER_CSS } from '../../../src/content/popover/styles';
import type { EntityView } from '../../../src/shared/messages';

const entity = (window as unknown as { __entity: EntityView }).__entity;
const host = document.createElement('div');
document.body.append(host);
const root = host.attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent = POPOVER_CSS;
const mount = document.createElement('div');
root.append(style, mount);
const noop = () => undefined;
render(
  <Popover
    state={{ status: 'ready', entity, reason: 'alias “NORTHCOM”' }}
    showDebug={true}
    autoFocus={false}
    onClose={noop}
    onMute={noop}
    onWrongMatch={noop}
    onOpenEntry={noop}
  />,
  mount,
);
document.documentElement.setAttribute('data-harness', 'ready');
