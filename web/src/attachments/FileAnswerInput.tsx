import { FileInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../components/error-message.ts';
import { en } from '../i18n/en.ts';
import { useUploadForAnswer } from './attachments-api.ts';
import { MAX_FILE_BYTES, sizeWords } from './file-size.ts';

interface FileAnswerInputProps {
  id: string;
  label: string;
  description: string | undefined;
  required: boolean | undefined;
  error: string | undefined;
  /** The upload's id once the file is up; undefined when there is none. */
  onChange: (uploadId: string | undefined) => void;
}

/**
 * A form's file answer: the file is uploaded as soon as it is chosen (POST /uploads), and the
 * answer sent with the form is the upload's id. Choosing another file replaces it.
 */
export function FileAnswerInput({ id, label, description, required, error, onChange }: FileAnswerInputProps) {
  const upload = useUploadForAnswer();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | undefined>();

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setLocalError(undefined);
    onChange(undefined);
    upload.reset();
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setLocalError(en.attachments.tooLarge(sizeWords(MAX_FILE_BYTES)));
      return;
    }
    upload.mutate(chosen, { onSuccess: (saved) => onChange(saved.id) });
  };

  const status = upload.isPending
    ? en.attachments.attaching
    : upload.data && file
      ? en.attachments.uploaded(file.name, sizeWords(upload.data.size))
      : undefined;
  return (
    <FileInput
      id={id}
      label={label}
      description={[description, status].filter(Boolean).join(' ') || undefined}
      required={required}
      clearable
      clearButtonProps={{ 'aria-label': en.attachments.remove }}
      value={file}
      onChange={choose}
      error={localError ?? (upload.isError ? errorMessage(upload.error) : error)}
    />
  );
}
