import { recordN8nLogs } from '../harness/captureLogs';

recordN8nLogs();
