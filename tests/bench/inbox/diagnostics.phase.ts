import mongoose from 'mongoose';
import { organisationModels } from '../../../src/app/organisation/organisation.models.js';
import type { SignedInUser } from './list.phase.js';
import { openTaskKeys } from './task-seed.js';

/**
 * Where a list request's time may go, one request at a time (no target; for whoever makes the inbox faster): the
 * service's HTTP floor, what every signed-in request pays (session, user, candidate groups), and the engine REST
 * calls the inbox makes today (open tasks of a group; the variables of one task, once per item on a page), and the
 * two organisation reads behind the candidate groups, timed from here against the same database.
 */
export async function measureDiagnostics(
  users: SignedInUser[],
  baseUrl: string,
  restAddress: string,
  mongoUri: string,
  repeat: number,
): Promise<Record<string, number[]>> {
  const connection = await mongoose.createConnection(mongoUri, { autoIndex: false }).asPromise();
  const { Unit, User } = organisationModels(connection);
  const timings: Record<string, number[]> = {};
  const time = async (label: string, call: () => Promise<Response | { status: number }>, ok = 200) => {
    const started = performance.now();
    const response = await call();
    if ('text' in response) await response.text();
    const ms = performance.now() - started;
    if (response.status !== ok) throw new Error(`${label}: status ${response.status}`);
    (timings[label] ??= []).push(ms);
  };
  const post = (path: string, body: unknown) =>
    fetch(`${restAddress}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  for (let index = 0; index < repeat; index += 1) {
    const user = users[index % users.length]!;
    const [key] = await openTaskKeys(restAddress, user.group, 1);
    await time('GET /healthz', () => fetch(`${baseUrl}/healthz`));
    await time('GET /api/auth/session', () => user.session.get('/api/auth/session'));
    await time('engine: open tasks of a group', () =>
      post('/v2/user-tasks/search', {
        filter: { state: 'CREATED', candidateGroup: user.group },
        page: { from: 0, limit: 1000 },
      }),
    );
    if (key)
      await time('engine: variables of a task', () =>
        post(`/v2/user-tasks/${key}/variables/search`, { page: { from: 0, limit: 1000 } }),
      );
    await time('GET /api/inbox/tasks', () => user.session.get('/api/inbox/tasks?scope=all'));
    await time('db: a user by username', async () => {
      const found = await User.findOne({ username: user.session.username }, { _id: 0 }).lean();
      return { status: found ? 200 : 404 };
    });
    await time('db: all units', async () => {
      const units = await Unit.find({}, { _id: 0 }).sort({ kind: 1, code: 1 }).lean();
      return { status: units.length > 0 ? 200 : 404 };
    });
  }
  await connection.close();
  return timings;
}
