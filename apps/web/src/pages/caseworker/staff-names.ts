import { useQueries } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/**
 * The names of the staff of the given offices (a supervisor's view: who holds each file), from the staff list the
 * reassignment picker also reads, so both share one cached answer per office. Empty when not enabled.
 */
export function useStaffNames(officeIds: readonly string[], enabled: boolean): ReadonlyMap<string, string> {
  const offices = [...new Set(officeIds)].sort();
  const answers = useQueries({
    queries: offices.map((id) => ({
      queryKey: ['office-staff', id],
      queryFn: () => unwrap(api.GET('/offices/{id}/staff', { params: { path: { id } } })),
      enabled,
      staleTime: 5 * 60_000,
    })),
  });
  return new Map(answers.flatMap((a) => (a.data ?? []).map((s) => [s.id, s.displayName] as const)));
}
