// The demo's job panel: progress bar and text, the live message log, status line and results.
import type { PipelineType } from '../src/index';
import { byId } from './dom';
import { renderResults, type AnyResults } from './results-table';

const LOG_LIMIT = 200;

export class JobView {
  private readonly bar = byId<HTMLProgressElement>('progress');
  private readonly percent = byId<HTMLOutputElement>('progress-percent');
  private readonly statusText = byId<HTMLElement>('job-status');
  private readonly jobLabel = byId<HTMLElement>('job-id');
  private readonly log = byId<HTMLOListElement>('message-log');
  private readonly table = byId<HTMLTableElement>('results-table');
  private readonly summary = byId<HTMLElement>('results-summary');
  private readonly jobControls = byId<HTMLElement>('job-controls');

  reset(pipeline: PipelineType, jobId: string): void {
    this.jobLabel.textContent = `${pipeline} job ${jobId}`;
    this.setProgress(0, 'Connecting…');
    this.log.replaceChildren();
    this.table.replaceChildren();
    this.summary.textContent = '';
    this.jobControls.hidden = false;
  }

  setProgress(fraction: number, status: string): void {
    const percent = Math.round(fraction * 100);
    this.bar.value = percent;
    this.percent.value = `${percent} %`;
    this.statusText.textContent = status;
  }

  setStatus(status: string): void {
    this.statusText.textContent = status;
  }

  /** One log line: the event or message type, then a short human summary. */
  addLog(kind: string, text: string, tone: 'info' | 'warn' | 'error' = 'info'): void {
    const item = document.createElement('li');
    item.className = `log-${tone}`;
    item.dataset.kind = kind;
    const time = new Date().toLocaleTimeString();
    item.textContent = `${time}  ${kind}  ${text}`;
    this.log.append(item);
    while (this.log.children.length > LOG_LIMIT) this.log.firstElementChild?.remove();
    item.scrollIntoView({ block: 'nearest' });
  }

  showResults(pipeline: PipelineType, results: AnyResults): void {
    renderResults(this.table, this.summary, pipeline, results);
  }

  hideControls(): void {
    this.jobControls.hidden = true;
  }
}
