"""An in-memory note store: enough for today; a real database arrives later in the course."""

from threading import Lock

from app.models import Note, NoteIn


class NoteStore:
    """Notes kept in a dict. Ids start at 1 and are never reused, even after a delete."""

    def __init__(self) -> None:
        self._notes: dict[int, Note] = {}
        self._next_id = 1
        self._lock = Lock()  # FastAPI runs plain `def` endpoints in a thread pool

    def create(self, data: NoteIn) -> Note:
        with self._lock:
            note = Note(id=self._next_id, **data.model_dump())
            self._notes[note.id] = note
            self._next_id += 1
            return note

    def get(self, note_id: int) -> Note | None:
        return self._notes.get(note_id)

    def all(self) -> list[Note]:
        """Every note, oldest first."""
        return sorted(self._notes.values(), key=lambda note: note.id)

    def replace(self, note_id: int, data: NoteIn) -> Note | None:
        """Replace the whole note; None when there is no such note (nothing is created)."""
        with self._lock:
            if note_id not in self._notes:
                return None
            note = Note(id=note_id, **data.model_dump())
            self._notes[note_id] = note
            return note

    def delete(self, note_id: int) -> bool:
        """True when a note was removed, False when there was none."""
        with self._lock:
            return self._notes.pop(note_id, None) is not None
