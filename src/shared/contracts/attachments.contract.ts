/**
 * Files attached to forms (file picker fields). A file is uploaded on its own first (raw body, the file name in the
 * X-File-Name header); the answer is the reference the form's value then holds, and the submission is checked
 * against what was stored.
 */

/** What a file picker's value holds for each stored file; the server replaces name, type and size by its own. */
export interface AttachmentRef {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** One attached file as lists show it (a task's page, the cockpit's instance page). */
export interface AttachmentItem extends AttachmentRef {
  /** The step whose form carried it. */
  step: string;
  /** The form field (key path) it was chosen in. */
  field: string;
  uploadedBy: string;
  uploadedAt: string;
  /** When the form was submitted. */
  submittedAt: string;
  /** Where it is downloaded, for this viewer (through the task they see, or the instance they watch). */
  href: string;
}

export interface AttachmentList {
  items: AttachmentItem[];
}
