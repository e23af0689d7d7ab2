/**
 * A participant's phone shows a long page: buttons that jump to each part.
 * (Not links: the app's routes live in the location hash.)
 */
export function JumpTo({ targets }: { readonly targets: readonly { readonly id: string; readonly label: string }[] }) {
  const jump = (id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };
  return (
    <nav className="jump-to" aria-label="Jump to">
      {targets.map((t) => (
        <button key={t.id} type="button" onClick={() => jump(t.id)}>
          {t.label}
        </button>
      ))}
    </nav>
  );
}
