// The inbox module's public entry.
import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import type { RouteDefinition } from '../http/route.types.js';
import { commentRoutes } from './comment.routes.js';
import { ContextWarmer } from './context-warmer.js';
import { CommentService } from './comment.service.js';
import { CommentStore } from './comment.store.js';
import { CommentRateLimit } from './comment-rate.js';
import { inboxRoutes } from './inbox.routes.js';
import { InboxService, VISIBILITY_WAIT_MS, type PeopleDirectory } from './inbox.service.js';
import type { SubmissionAttachments } from './submission-attachments.port.js';
import { InboxStore } from './inbox.store.js';
import type { TaskEngine } from './task-engine.port.js';

export { InboxService, PERSONNEL_PROCESS_ID } from './inbox.service.js';
export { camundaTaskEngine } from './camunda-task-engine.js';
export type { TaskEngine, EngineTask, TaskForm } from './task-engine.port.js';
export { isOpenState } from './task-engine.port.js';
export { holds, type TaskTaker } from './task-access.js';
export type { TaskScope } from './task-scope.js';
export type { CheckedAttachments, SubmissionAttachments } from './submission-attachments.port.js';
export { markPersonnelRead, personnelReadAudit } from './personnel-audit.js';

export interface InboxModuleDependencies {
  connection: Connection;
  clock: Clock;
  /** camundaTaskEngine(engineClients.rest) in the service; a fake in tests that need one. */
  engine: TaskEngine;
  /** The candidate groups of a user (OrganisationDirectory.candidateGroupsOfUser); read at each request. */
  groupsOf(username: string): Promise<string[]>;
  /** Full names of assignees (OrganisationDirectory.users); usernames are shown when not given. */
  people?: PeopleDirectory;
  /** The check of the files a submission refers to (the attachments module); none accepted when not given. */
  attachments?: SubmissionAttachments;
  /** Values a task's form starts with when no variable or draft gives one (by process id); none when not given. */
  suggestions?: (processId: string) => Promise<Record<string, string>>;
}

/** The inbox's routes (all behind the app's guard), over the engine's user tasks and the app's drafts and audit log. */
export function createInboxModule(deps: InboxModuleDependencies): {
  routes: RouteDefinition[];
  /** For modules that act through the inbox's tasks (attachments). */
  inbox: InboxService;
  /** Not started here: the service starts it once the engine is up (tests usually leave it off). */
  contextWarmer: ContextWarmer;
} {
  const comments = new CommentStore(deps.connection);
  const inbox = new InboxService(
    deps.engine,
    new InboxStore(deps.connection),
    deps.clock,
    comments,
    deps.people,
    VISIBILITY_WAIT_MS,
    deps.attachments,
    deps.suggestions,
  );
  return {
    inbox,
    contextWarmer: new ContextWarmer(deps.engine, inbox),
    routes: [
      ...inboxRoutes({ inbox, groupsOf: (username) => deps.groupsOf(username) }),
      ...commentRoutes({
        comments: new CommentService(
          inbox,
          comments,
          deps.clock,
          new CommentRateLimit(deps.connection, deps.clock),
        ),
        groupsOf: (username) => deps.groupsOf(username),
        isPersonnel: (task) => inbox.isPersonnel(task),
      }),
    ],
  };
}
