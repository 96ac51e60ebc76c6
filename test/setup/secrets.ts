import { recordConsole } from '../harness/captureLogs';
import { checkTest, describeLeaks, endTest, startRecording, startTest } from '../harness/secrets';

/**
 * The secrets check of every test of the suite (jest.config.js runs this file before each test file): no password,
 * licence key, session id or key of a test's credentials, nor any session or key its sandboxes issued, may appear
 * in an output item, an error (message, description, cause...), a credential test message, a poll result, the rest
 * of a run's data, n8n's log or the console. The harness registers the secrets (every credential added, read again
 * at check time for what preAuthentication stored; the sandboxes' issued sessions and keys) and records the material
 * (test/harness/secrets.ts); which values count as secrets (at least 8 characters of two classes) is documented
 * there. A leak fails the test (a throw in afterEach does), naming the secret's kind and the place, not the value.
 */
startRecording();
recordConsole();

beforeEach(() => startTest());

afterEach(() => {
	try {
		const leaks = checkTest();
		if (leaks.length > 0) throw new Error(describeLeaks(leaks));
	} finally {
		endTest();
	}
});
