import type { DocumentList } from '../../lib/contracts.js';
import { requestJson } from '../../lib/http.js';
import { ApiProblem, problemFrom } from '../../lib/problem.js';

export interface DocumentFilter {
  processId?: string;
  period?: string;
  unit?: string;
  processInstanceKey?: string;
  q?: string;
  page?: number;
}

/** The server's documents API (src/app/records/documents-list.routes.ts, documents.routes.ts). */
export const documentsApi = {
  list(filter: DocumentFilter = {}) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(filter))
      if (value !== undefined && value !== '') params.set(name, String(value));
    const query = params.toString();
    return requestJson<DocumentList>(`/api/documents${query ? `?${query}` : ''}`);
  },
  docxHref: (id: string) => `/api/documents/${encodeURIComponent(id)}`,
  /**
   * Fetches the PDF (made by LibreOffice on the server, 503 when it is not installed) and saves it; a refusal is
   * thrown as the server's problem so its message can be shown.
   */
  async downloadPdf(id: string, fileName: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(`/api/documents/${encodeURIComponent(id)}?format=pdf`, {
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiProblem(0, 'network', '');
    }
    if (!response.ok) {
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      throw problemFrom(response.status, parsed);
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName.replace(/\.docx$/i, '') + '.pdf';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
