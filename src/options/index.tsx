import '../ui/base.css';
import './options.css';
import { render } from 'preact';
import { preparePage } from '../ui/page';
import { Options } from './Options';

preparePage('optionsTitle');
render(<Options />, document.getElementById('root')!);
