/** Which row a key press moves to in a list of `count` rows (ArrowUp/Down, j/k, Home/End); null for other keys. */
export function nextRowIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
    case 'k':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Overdue, due within a week, or later: the colour a deadline gets in the queue. */
export function deadlineUrgency(dueAt: string | null, now: Date = new Date()): 'overdue' | 'soon' | 'later' | 'none' {
  if (!dueAt) return 'none';
  const ms = new Date(dueAt).getTime() - now.getTime();
  if (ms < 0) return 'overdue';
  if (ms < 7 * 24 * 3600 * 1000) return 'soon';
  return 'later';
}
