'use client';

import type { ImportReport } from '@malipo/api-client';
import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { describeError, sentence } from '@/api/form-errors';
import { customerKeys } from '@/customers/customers.queries';
import { PageHeader } from '@/layout/page-header';
import { SectionCard } from '@/layout/section-card';
import { Fact } from './fact';
import { paymentKeys } from './payments.queries';
import { type UploadProgress, uploadImport } from './upload-import';

const API_MESSAGES = {
  INVALID_CSV: { message: 'This file is not a CSV file the import can read.' },
  PAYLOAD_TOO_LARGE: { message: 'This file is too large to import in one go; split it.' },
};

export function ImportPayments() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadImport(chosen, setProgress),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: paymentKeys.all }),
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
      ]),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError('Choose the CSV file to import');
      return;
    }
    setProgress({ sent: 0, total: file.size });
    upload.mutate(file);
  };

  const percent = progress && progress.total > 0 ? (progress.sent / progress.total) * 100 : 0;
  const reading = upload.isPending && percent >= 100;

  return (
    <>
      <PageHeader
        title="Import payments"
        description="Payments from a CSV file, such as a bank or M-Pesa statement. Importing the same file again creates nothing new."
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text size="sm">
                One payment a line, with the columns{' '}
                <Code>reference, paid_at, amount, account_number, payer_phone, payer_name</Code>
              </Text>
              <Text size="sm">
                Times are Nairobi time, such as <Code>2026-12-04 14:30:00</Code>
              </Text>
              <Text size="sm">
                Rows whose account number nobody has wait on the Unallocated page.
              </Text>
              <Group>
                <Anchor href="/api/payments/import/template" download size="sm">
                  <Group gap={4} component="span">
                    <IconDownload size={16} aria-hidden />
                    Download the CSV template
                  </Group>
                </Anchor>
              </Group>
              <FileInput
                label="Statement file (CSV)"
                placeholder="Choose a .csv file"
                accept=".csv,text/csv"
                leftSection={<IconFileTypeCsv size={18} aria-hidden />}
                clearable
                required
                value={file}
                error={fileError}
                disabled={upload.isPending}
                onChange={(chosen) => {
                  setFile(chosen);
                  setFileError(null);
                  upload.reset();
                  setProgress(null);
                }}
              />
              {progress && upload.isPending && (
                <div>
                  <Progress
                    value={reading ? 100 : percent}
                    striped={reading}
                    animated={reading}
                    size="lg"
                    aria-label="Upload progress"
                  />
                  <Text size="xs" c="dimmed" mt={4} aria-live="polite">
                    {reading
                      ? 'Uploaded; importing the rows…'
                      : `Uploading… ${Math.floor(percent)}%`}
                  </Text>
                </div>
              )}
              {upload.isError && (
                <Alert color="red" role="alert" title="The file was not imported">
                  {describeError(upload.error, API_MESSAGES)}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button
                  type="submit"
                  loading={upload.isPending}
                  leftSection={<IconUpload size={16} aria-hidden />}
                >
                  Upload and import
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        {upload.data && <ImportReportView report={upload.data} fileName={file?.name} />}
      </Stack>
    </>
  );
}

function ImportReportView({ report, fileName }: { report: ImportReport; fileName?: string }) {
  return (
    <SectionCard title={fileName ? `Import report: ${fileName}` : 'Import report'}>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" mb="md" data-testid="import-report">
        <Fact label="Rows read" value={report.rows} />
        <Fact label="Created" value={report.created} />
        <Fact label="Duplicates" value={report.duplicates} />
        <Fact label="Unallocated" value={report.unallocated} />
        <Fact label="Rejected" value={report.rejectedCount} />
      </SimpleGrid>
      <Stack gap="xs">
        {report.duplicates > 0 && (
          <Text size="sm" c="dimmed">
            Duplicates have a reference already recorded (or repeated in the file); they were
            skipped.
          </Text>
        )}
        {report.unallocated > 0 && (
          <Text size="sm">
            {report.unallocated === 1
              ? '1 payment went to an account number nobody has.'
              : `${report.unallocated} payments went to account numbers nobody has.`}{' '}
            <Anchor component={Link} href="/unallocated">
              Go to the Unallocated page
            </Anchor>
          </Text>
        )}
      </Stack>
      {report.rejectedCount > 0 && (
        <>
          <Title order={3} size="h5" mt="md" mb="xs">
            Rejected rows
          </Title>
          {report.rejected.length < report.rejectedCount && (
            <Text size="sm" c="dimmed" mb="xs">
              The first {report.rejected.length} of {report.rejectedCount} are shown.
            </Text>
          )}
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="xs" aria-label="Rejected rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>Line</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rejected.map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td>{sentence(row.reason)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </SectionCard>
  );
}
