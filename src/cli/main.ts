/** Entry of the `vaim` command (temporary; replaced by the CLI module). */
export async function main(args: readonly string[]): Promise<number> {
  process.stdout.write(`vaim ${args.join(' ')}\n`);
  return 0;
}
