// The messages between the dashboard webview and the extension. Requests carry an id; the extension
// answers each with a response of the same id, so the view knows which click succeeded or failed.
import type { DashboardModel, MockView, PlanAction } from '../core/progress/dashboard';
import type { ReviewRating } from '../core/progress/review';

/** What the view shows: the plan and plots of the whole history, or one mock. */
export type DashboardView = { kind: 'plan' } | { kind: 'mock'; mockId: string };

/** A finished mock, titled, with its report and plots. */
export interface MockPayload extends MockView {
  id: string;
  title: string;
}

/** Extension → webview. */
export type ToWebview =
  | { type: 'model'; view: DashboardView; model: DashboardModel; mock?: MockPayload }
  | { type: 'response'; requestId: number; ok: boolean; error?: string };

/** What a click in the view asks for. */
export type DashboardRequest =
  | { kind: 'start'; action: PlanAction }
  | { kind: 'rate'; attemptId: string; rating: ReviewRating | null }
  | { kind: 'setInterviewDate' }
  | { kind: 'show'; view: DashboardView };

/** What the view reports after drawing: which view, how many plots and how many points they hold. */
export interface RenderReport {
  view: DashboardView['kind'];
  plots: number;
  points: number;
  /** The theme kind the view drew with (`vscode-dark`, `vscode-light`, `vscode-high-contrast`…). */
  theme: string;
}

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'request'; requestId: number; request: DashboardRequest }
  | { type: 'rendered'; report: RenderReport }
  | { type: 'cspViolation'; directive: string; blockedURI: string; sample: string };
