/**
 * Side effects that must wait until the command's changes are persisted: waking job workers and answering
 * createInstanceWithResult. Collected while processing, drained by the engine after the commit.
 */
export class Effects {
  jobTypes = new Set<string>();
  completed: { key: string; variables: Record<string, unknown> }[] = [];
  terminatedInstances: string[] = [];

  drain(): {
    jobTypes: Set<string>;
    completed: { key: string; variables: Record<string, unknown> }[];
    terminatedInstances: string[];
  } {
    const drained = {
      jobTypes: this.jobTypes,
      completed: this.completed,
      terminatedInstances: this.terminatedInstances,
    };
    this.jobTypes = new Set();
    this.completed = [];
    this.terminatedInstances = [];
    return drained;
  }
}
