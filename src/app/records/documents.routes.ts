import { notFound } from '../../lib/errors.js';
import { SIGNED_IN } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import type { StoredDocument } from './records.store.js';

/** The candidate groups of a signed-in user (OrganisationDirectory.candidateGroupsOfUser). */
export type GroupsOfUser = (username: string) => Promise<string[]>;

/** Downloads a generated official document (.docx); a restricted one only for its audience. */
export function documentRoutes(
  records: { findDocument(id: string): Promise<StoredDocument | undefined> },
  groupsOfUser: GroupsOfUser,
): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/documents/:id',
      permission: SIGNED_IN,
      summary: 'Download a generated official document (.docx); personnel documents only for their groups',
      handler: async ({ req, res, principal }) => {
        const id = String(req.params.id ?? '');
        const document = await records.findDocument(id);
        // Not found and not allowed look the same, so the existence of a personnel file is not disclosed.
        if (!document || !principal) throw notFound('Không tìm thấy văn bản.');
        if (document.audienceGroups) {
          const groups = new Set(await groupsOfUser(principal.username));
          if (!document.audienceGroups.some((group) => groups.has(group)))
            throw notFound('Không tìm thấy văn bản.');
        }
        res.setHeader('Content-Type', document.contentType);
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="${document.tenTep.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(document.tenTep)}`,
        );
        res.setHeader('Cache-Control', 'private, no-store');
        res.send(document.content);
      },
    }),
  ];
}
