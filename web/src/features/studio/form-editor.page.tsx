import { useEffect, useRef, useState } from 'preact/hooks';
import type { FormData, FormSchema, StudioFormDetail } from '../../lib/contracts.js';
import { requestJson } from '../../lib/http.js';
import { Alert } from '../../ui/alert.js';
import { mountForm, type MountedForm } from '../forms/form-viewer.js';
import { useFormTexts } from './form-texts.js';
import { fill, useStudioTexts } from './studio-texts.js';
import { useLeaveGuard } from './use-leave-guard.js';
import './studio.css';

interface FormEditorLike {
  importSchema(schema: unknown): Promise<unknown>;
  saveSchema(): FormSchema;
  on(event: string, callback: () => void): void;
  destroy(): void;
}

const CHECK_DELAY_MS = 600;

/** /admin/forms/:id: the form-js editor, a live preview fed with sample data, server validation, deploy. */
export function FormEditorPage({ formId }: { formId: string }) {
  const f = useFormTexts();
  const s = useStudioTexts();
  const editorHost = useRef<HTMLDivElement>(null);
  const previewHost = useRef<HTMLDivElement>(null);
  const editorRef = useRef<FormEditorLike | undefined>(undefined);
  const previewRef = useRef<MountedForm | undefined>(undefined);
  const [detail, setDetail] = useState<StudioFormDetail | undefined>(undefined);
  const [sample, setSample] = useState('{}');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [valid, setValid] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useLeaveGuard(dirty, s.leaveConfirm);

  useEffect(() => {
    let alive = true;
    void (async () => {
      try {
        const [found, { FormEditor }] = await Promise.all([
          requestJson<StudioFormDetail>(`/api/admin/studio/forms/${encodeURIComponent(formId)}`),
          import('@bpmn-io/form-js-editor'),
          import('@bpmn-io/form-js-editor/dist/assets/form-js-editor.css'),
          import('@bpmn-io/form-js-viewer/dist/assets/form-js.css'),
        ]);
        if (!alive || !editorHost.current) return;
        const editor = new FormEditor({ container: editorHost.current }) as unknown as FormEditorLike;
        editorRef.current = editor;
        await editor.importSchema(JSON.parse(found.content));
        editor.on('changed', () => {
          setDirty(true);
          setTick((t) => t + 1);
        });
        setDetail(found);
        setTick((t) => t + 1);
      } catch {
        if (alive) setProblem(f.failed);
      }
    })();
    return () => {
      alive = false;
      editorRef.current?.destroy();
      previewRef.current?.destroy();
    };
  }, [formId]);

  // After each change (and a pause): the preview is drawn again with the sample data, and the server checks the form.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !previewHost.current) return;
    const timer = setTimeout(() => {
      const schema = editor.saveSchema();
      let data: FormData;
      try {
        data = JSON.parse(sample) as FormData;
      } catch {
        setProblem(f.sampleInvalid);
        return;
      }
      previewRef.current?.destroy();
      previewHost.current!.replaceChildren();
      void mountForm(previewHost.current!, schema, data).then((mounted) => (previewRef.current = mounted));
      requestJson<void>(`/api/admin/studio/forms/${encodeURIComponent(formId)}/validate`, {
        method: 'POST',
        body: { content: JSON.stringify(schema) },
      }).then(
        () => {
          setValid(true);
          setProblem(undefined);
        },
        (error: unknown) => {
          setValid(false);
          setProblem(error instanceof Error ? error.message : f.failed);
        },
      );
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [tick, sample]);

  const deploy = async () => {
    const editor = editorRef.current;
    if (!editor) return;
    try {
      const result = await requestJson<{ version: number }>(
        `/api/admin/studio/forms/${encodeURIComponent(formId)}/deploy`,
        { method: 'POST', body: { content: JSON.stringify(editor.saveSchema()), note: note.trim() } },
      );
      setDirty(false);
      setNote('');
      setNotice(fill(f.deployed, { n: result.version }));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : f.failed);
    }
  };

  return (
    <section class="panel studio" aria-labelledby="form-editor-title">
      <h1 id="form-editor-title">
        {f.editorTitle} <code>{formId}</code>
      </h1>
      {detail && (
        <p>
          {f.usedBy}:{' '}
          {detail.usedBy.length === 0
            ? f.unused
            : detail.usedBy
                .map((use) => `${use.processDefinitionId} / ${use.name || use.elementId}`)
                .join('; ')}
        </p>
      )}
      {!detail && !problem && <p aria-busy="true">{f.loading}</p>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {problem && <Alert kind="error">{problem}</Alert>}
      {valid && !problem && <p class="lint-panel__clean">{f.valid}</p>}
      <div class="form-studio__editor" ref={editorHost} />
      <h2>{f.preview}</h2>
      <label class="field">
        <span>{f.sampleData}</span>
        <textarea
          name="sample-data"
          rows={3}
          value={sample}
          onInput={(e) => setSample(e.currentTarget.value)}
        />
      </label>
      <div class="form-studio__preview" ref={previewHost} />
      <label class="field">
        <span>{f.note}</span>
        <input
          name="form-note"
          maxLength={500}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <button
        type="button"
        class="button button--primary"
        disabled={!valid || note.trim().length === 0}
        onClick={() => void deploy()}
      >
        {f.deploy}
      </button>
    </section>
  );
}
