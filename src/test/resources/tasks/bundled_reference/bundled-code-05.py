from typing import List, Optional


def second_largest(nums: List[int]) -> Optional[int]:
    distinct = sorted(set(nums), reverse=True)
    return distinct[1] if len(distinct) >= 2 else None
