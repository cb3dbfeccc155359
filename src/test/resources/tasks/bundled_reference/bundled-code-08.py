import re
from typing import Dict


def word_frequencies(text: str) -> Dict[str, int]:
    counts = {}
    for word in re.findall(r"[a-z]+", text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts
