import { useSignedIn } from '../auth/session.context.js';

/**
 * The assignee as people read it. The engine knows only usernames: the signed-in user's own tasks show their full
 * name; another person's show the username until the inbox API gives names (src/app/inbox).
 */
export function useAssigneeName(): (assignee: string | null) => string | null {
  const { user } = useSignedIn();
  return (assignee) => (assignee !== null && assignee === user.username ? user.fullName : assignee);
}
