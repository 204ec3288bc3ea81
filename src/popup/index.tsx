import '../ui/base.css';
import './popup.css';
import { render } from 'preact';
import { preparePage } from '../ui/page';
import { Popup } from './Popup';

preparePage('popupTitle');
render(<Popup />, document.getElementById('root')!);
