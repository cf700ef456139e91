"""python -m psoas_coach"""

from psoas_coach.app import main

raise SystemExit(main())
