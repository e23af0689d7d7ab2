/**
 * The pack's facilitator guide (timing plan, where teams go wrong), shown in
 * the console before and during the run, with the expected real length at
 * the chosen speed.
 */
import type { Pack } from '../../../engine';
import { Markdown } from '../Markdown';
import { PlayLength } from '../PlayLength';

export function FacilitatorGuide({ pack, compression, skipQuiet }: { readonly pack: Pack; readonly compression: number; readonly skipQuiet: boolean }) {
  return (
    <div className="facilitator-guide">
      <PlayLength pack={pack} compression={compression} skipQuiet={skipQuiet} />
      {pack.debrief?.facilitatorNotes.trim() ? <Markdown source={pack.debrief.facilitatorNotes} /> : <p className="hint">This pack has no facilitator guide.</p>}
      {pack.debrief && pack.debrief.questions.length > 0 ? (
        <>
          <h3>Questions for the debrief</h3>
          <ol>
            {pack.debrief.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
