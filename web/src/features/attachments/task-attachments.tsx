import { useEffect, useState } from 'preact/hooks';
import type { AttachmentItem } from '../../lib/contracts.js';
import { AttachmentCard } from './attachment-list.js';
import { attachmentsApi } from './attachments.api.js';

/**
 * The files submitted in the task's instance that the user sees through this task (a reviewer sees the unit's
 * dossier or signed scan here, beside the form). `version` changes when the page knows there may be new ones.
 */
export function TaskAttachments({ taskId, version }: { taskId: string; version: string }) {
  const [items, setItems] = useState<AttachmentItem[]>([]);
  useEffect(() => {
    let live = true;
    attachmentsApi
      .ofTask(taskId)
      .then((list) => live && setItems(list.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [taskId, version]);
  return <AttachmentCard items={items} id="task-attachments" />;
}

/** The files submitted in an instance, in the cockpit (personnel files only for their readers: none otherwise). */
export function InstanceAttachments({ instanceKey }: { instanceKey: string }) {
  const [items, setItems] = useState<AttachmentItem[]>([]);
  useEffect(() => {
    let live = true;
    attachmentsApi
      .ofInstance(instanceKey)
      .then((list) => live && setItems(list.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [instanceKey]);
  return <AttachmentCard items={items} id="instance-attachments" className="monitor-section" />;
}
