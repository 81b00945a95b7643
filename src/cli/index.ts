#!/usr/bin/env node
import { commands } from './commands';
import { runCli } from './main';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}, commands).then((code) => { process.exitCode = code; });
