/** Past and interrupted runs (filled in by the run store). */
import { useFocusHeading } from '../useFocusHeading';

export function HistoryScreen() {
  const heading = useFocusHeading<HTMLHeadingElement>();
  return (
    <section aria-labelledby="history-title" className="screen">
      <h1 id="history-title" ref={heading} tabIndex={-1}>History</h1>
      <p className="lede">Every run is saved here. Resume an interrupted run or compare attempts.</p>
    </section>
  );
}
