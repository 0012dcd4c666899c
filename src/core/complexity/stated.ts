import { complexityStatements, parsePlan, sectionContent } from '../plan/plan';
import { parseComplexity, type ComplexityClass } from './classes';

/** Words plans use instead of an expression. */
const WORDS: Record<string, ComplexityClass> = {
  constant: 'O(1)',
  logarithmic: 'O(log n)',
  linear: 'O(n)',
  linearithmic: 'O(n log n)',
  quadratic: 'O(n^2)',
  cubic: 'O(n^3)',
  exponential: 'O(2^n)',
};

/** The time complexity a plan states ("Time: O(n log n)"), with its text and line; undefined when none is readable. */
export function statedTimeComplexity(planMarkdown: string): { class: ComplexityClass; text: string; line: number } | undefined {
  const plan = parsePlan(planMarkdown);
  const time = complexityStatements(sectionContent(plan, 'complexity')).time;
  if (!time) return undefined;
  // The clause about time: the first big-O expression after a time word, else the first one on the line.
  const clauses = time.text.split(/[,;|]|\band\b|\s\/\s|&/);
  const ordered = [...clauses.filter((c) => /\b(time|runtime|run time|running)\b|^\s*t\s*[:=(]/i.test(c)), ...clauses];
  for (const clause of ordered) {
    for (const m of clause.matchAll(/[OΘΩθ]\s*\((?:[^()]|\([^()]*\))+\)/g)) {
      const parsed = parseComplexity(m[0]);
      if (parsed) return { class: parsed, text: m[0], line: time.line };
    }
    const word = /\b(constant|logarithmic|linear|linearithmic|quadratic|cubic|exponential)\b/i.exec(clause);
    if (word) return { class: WORDS[word[1].toLowerCase()], text: word[1], line: time.line };
  }
  return undefined;
}
