import { http } from '../../lib/api';

/** The statement export's address at the gateway (the signed-in person's token is sent along). */
export function statementCsvPath(batchId: string, holderId: string): string {
  return `/v1/distribution-batches/${encodeURIComponent(batchId)}/statements/${encodeURIComponent(holderId)}.csv`;
}

/** Fetches the statement as CSV and hands it to the browser as a file to save. */
export async function downloadStatementCsv(batchId: string, holderId: string): Promise<void> {
  const response = await http(statementCsvPath(batchId, holderId), {
    headers: { accept: 'text/csv' },
  });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `statement-${batchId}-${holderId}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Some browsers start the download after the click returns: keep the file a moment.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
