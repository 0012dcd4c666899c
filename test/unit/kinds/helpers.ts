import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root: tests run from there (as the pack tests do). */
export const ROOT = path.resolve('.');
export const BUILTIN = path.join(ROOT, 'problems');
export const KIND_FIXTURES = path.join(ROOT, 'test/fixtures/kinds');

/** A fresh temp folder. */
export function tempDir(prefix = 'drills-kinds-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files (relative path → content) below `dir`; returns `dir`. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** 1-based line and column where `needle` first occurs in `text`, plus `shift` characters. */
export function positionIn(text: string, needle: string, shift = 0): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** A seeded generator of numbers in [0, 1) (mulberry32), for tests that inject randomness. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid design problem.yaml, to break in tests. */
export const DESIGN_PROBLEM = `kind: design
id: url-shortener
title: URL shortener
probes:
  - id: ten-x
    question: Traffic is 10x. What breaks?
    concerns: [names the bottleneck]
  - id: why-sql
    question: Why not a relational store?
    concerns: [does the arithmetic]
    minutes: 5
  - id: bad-deploy
    question: A bad deploy corrupted a day of links. Recover?
    concerns: [replay from the log]
outline:
  requirements: [who uses it]
  scale: [1k writes/s]
  dataFlow: [api, store]
  consistency: [read your writes]
  failure: [retries]
  operations: [slo]
`;
