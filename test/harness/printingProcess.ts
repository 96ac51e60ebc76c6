import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A Node script run as a user runs it, whose output a test waits on. */
export interface PrintingProcess {
	child: ChildProcessWithoutNullStreams;
	/**
	 * Resolves with the first match of each pattern once the output (stdout and stderr) holds them all; fails,
	 * with everything printed, if the process ends first.
	 */
	printed(...patterns: RegExp[]): Promise<RegExpExecArray[]>;
	/** The exit code, once the output streams have delivered everything ('close', not 'exit'). */
	exited: Promise<number | null>;
}

/** Starts `node <script>` with the environment plus `env`; `what` names it in failures. */
export function startPrintingProcess(script: string, env: Record<string, string>, what: string): PrintingProcess {
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- test code: runs a script as a user would
	const child = spawn(process.execPath, [script], { env: { ...process.env, ...env } });
	let output = '';
	const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const printed = (...patterns: RegExp[]) =>
		new Promise<RegExpExecArray[]>((resolve, reject) => {
			const check = () => {
				const matches = patterns.map((pattern) => pattern.exec(output));
				if (matches.every((match) => match !== null)) resolve(matches as RegExpExecArray[]);
			};
			child.stdout.on('data', check);
			child.stderr.on('data', check);
			void exited.then((code) => reject(new Error(`${what} exited with ${code} before printing ${patterns.join(', ')}; it printed:\n${output}`)));
			check();
		});
	return { child, printed, exited };
}
