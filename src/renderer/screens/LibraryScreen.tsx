/** The scenario library (filled in by the pack library service). */
import { useFocusHeading } from '../useFocusHeading';

export function LibraryScreen() {
  const heading = useFocusHeading<HTMLHeadingElement>();
  return (
    <section aria-labelledby="library-title" className="screen">
      <h1 id="library-title" ref={heading} tabIndex={-1}>Scenario library</h1>
      <p className="lede">Choose a scenario pack to rehearse commanding an AI incident.</p>
    </section>
  );
}
