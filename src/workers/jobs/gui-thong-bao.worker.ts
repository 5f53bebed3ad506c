import { Type } from '@sinclair/typebox';
import { noticeText } from '../support/notification-texts.js';
import { defineWorker, requireHeader } from '../runtime/worker-definition.js';

/** E-mail and in-app notice to the members of `nhomNhan`; keyed by the job's element instance, so sent once. */
export const guiThongBao = defineWorker({
  type: 'gui-thong-bao',
  input: Type.Object({ nhomNhan: Type.Array(Type.String({ minLength: 1 })) }),
  async handle(job, { notifier }) {
    const kind = requireHeader(job, 'loaiThongBao');
    const { subject, text } = noticeText(kind, job.variables as Record<string, unknown>);
    await notifier.send({
      key: `${job.processInstanceKey}-${job.elementInstanceKey}`,
      kind,
      groups: job.variables.nhomNhan,
      subject,
      text,
      processInstanceKey: job.processInstanceKey,
    });
    return {};
  },
});
