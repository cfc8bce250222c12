import ai from './ai';
import auditLog from './audit-log';
import generations from './generations';
import jobs from './jobs';
import settings from './settings';

export default { ai, 'audit-log': auditLog, generations, jobs, settings };
