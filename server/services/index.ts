import ai from './ai';
import auditLog from './audit-log';
import board from './board';
import generations from './generations';
import jobs from './jobs';
import settings from './settings';
import writers from './writers';

export default { ai, 'audit-log': auditLog, board, generations, jobs, settings, writers };
