#pragma once
// Threads that work beside the window (the figure reader, the file's check, an import) give way
// to it. Linux otherwise lets a thread the window has just woken take the window's own core for
// the rest of a scheduler slice: at ten years of data a colleague's save made the next frames
// 3-4 ms instead of 0.5, a frame waiting for the reader after all.

namespace raekoda::reading {

// Marks the calling thread as background work (SCHED_BATCH): it never preempts a thread when it
// wakes, and it keeps its full share of a core that is free.
void give_way_to_the_window();

}  // namespace raekoda::reading
