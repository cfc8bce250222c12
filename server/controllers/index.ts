import generations from './generations';
import jobs from './jobs';
import settings from './settings';

export default { generations, jobs, settings };
