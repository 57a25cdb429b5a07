// Overlays: the apply confirmation (file, key, old and new value, diff), messages and help.
import type { Dialog } from '../app/ui-state.js';
import type { DialogModel, Line } from './model.js';

const HELP: [string, string][] = [
  ['q, Ctrl-C', 'quit (stops the demo pipeline, restores the terminal)'],
  ['?', 'this help; any key closes it'],
  ['up/down, k/j', 'select a suggestion'],
  ['a', 'preview the selected suggestion\'s action'],
  ['y', 'apply the previewed change to the app config'],
  ['n, Esc', 'cancel the preview'],
];

export function toDialogModel(dialog: Dialog | null): DialogModel | null {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'help':
      return {
        title: 'Keys',
        tone: 'title',
        lines: HELP.map(([key, what]) => [
          { text: key.padEnd(14), tone: 'title' },
          { text: what, tone: 'normal' },
        ]),
      };
    case 'message':
      return { title: dialog.title, tone: dialog.tone, lines: dialog.lines.map((text) => [{ text, tone: 'normal' }]) };
    case 'confirm': {
      const lines: Line[] = [
        [{ text: 'file  ', tone: 'muted' }, { text: dialog.plan.file, tone: 'normal' }],
        ...dialog.plan.patches.map((p): Line => [
          { text: 'key   ', tone: 'muted' },
          { text: p.path.join('.'), tone: 'normal' },
          { text: `  ${JSON.stringify(p.from)} -> ${JSON.stringify(p.to)}`, tone: 'title' },
        ]),
        [{ text: 'why   ', tone: 'muted' }, { text: dialog.evidence, tone: 'normal' }],
        [{ text: '', tone: 'normal' }],
        ...dialog.diff.split('\n').filter((l) => l.length > 0).map((l): Line => [
          { text: l, tone: l.startsWith('+') && !l.startsWith('+++') ? 'ok' : l.startsWith('-') && !l.startsWith('---') ? 'critical' : 'muted' },
        ]),
        [{ text: '', tone: 'normal' }],
        [{ text: 'y', tone: 'title' }, { text: ' apply (a backup is kept)   ', tone: 'normal' }, { text: 'n/Esc', tone: 'title' }, { text: ' cancel', tone: 'normal' }],
      ];
      return { title: `Apply ${dialog.plan.actionId}: ${dialog.plan.summary}?`, tone: 'warning', lines };
    }
  }
}
