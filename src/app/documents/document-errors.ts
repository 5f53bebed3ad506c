/** One problem with the data a document was asked to be generated from; `field` is a path like "signature/name". */
export interface DocumentDataProblem {
  field: string;
  message: string;
}

/** Thrown when a document cannot be generated from the data given: an expected failure, not a bug. */
export class DocumentDataError extends Error {
  readonly code = 'DOCUMENT_DATA_INVALID';
  constructor(
    readonly documentType: string,
    readonly problems: readonly DocumentDataProblem[],
  ) {
    super(
      `Không tạo được văn bản "${documentType}": dữ liệu không hợp lệ (${problems
        .map((problem) => `${problem.field || '/'}: ${problem.message}`)
        .join('; ')}).`,
    );
    this.name = 'DocumentDataError';
  }
}
