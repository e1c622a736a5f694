#!/usr/bin/env node
// Entry point of `npx vnextract`: the compiled CLI lives in dist/ (built by `npm ci` through
// the `prepare` script, or `npm run build`).
import { run } from '../dist/pipeline/cli.js';

await run();
