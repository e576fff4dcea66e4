/**
 * A reader that closes our stdout or stderr early (`create-service --help | head -1`) is not a
 * failure: the rest of the output is dropped and the command finishes its work with its own exit
 * code, as Unix tools do. Without a listener Node turns EPIPE into an uncaught exception (exit 1).
 */
export function dropOutputOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // ERR_STREAM_DESTROYED: a later write to the stream EPIPE already closed.
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

dropOutputOnClosedPipe(process.stdout);
dropOutputOnClosedPipe(process.stderr);
