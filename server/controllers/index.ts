import board from './board';
import generations from './generations';
import jobs from './jobs';
import settings from './settings';

export default { board, generations, jobs, settings };
