// The round an applicant applies to and who they registered as, read once per page.
import { useQuery } from '@tanstack/react-query';
import { applicantQueries, query, type ApplicationStart } from './applicantRequests.ts';

export function useApplicationStart() {
  return useQuery({
    queryKey: ['applicant', 'applicationStart'],
    queryFn: () => query<ApplicationStart>(applicantQueries.applicationStart),
  });
}
