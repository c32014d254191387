/** A statement line's status (the API's PAYABLE, HELD, RESERVED) as the key of its words. */
export function lineStatusKey(status: string): 'PAYABLE' | 'HELD' | 'RESERVED' {
  return status === 'HELD' || status === 'RESERVED' ? status : 'PAYABLE';
}
