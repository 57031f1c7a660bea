/** The training function: catalogue, map, signup with seats and waitlist, lifelong record. */
import { trainingActions } from '../../shared/actions/training'
import { createFunction, type Answering } from '../_core/function'
import type { TrainingActionOutputs } from '../../shared/training/views'
import { complete, markAttendance, roster } from './usecases/attendance.usecase'
import { cancelSignup } from './usecases/cancelSignup.usecase'
import { getCourseDetail } from './usecases/getCourse.usecase'
import { cancelCourse, createCourse } from './usecases/manageCourse.usecase'
import { myRecords, mySignups } from './usecases/mine.usecase'
import { remindTomorrow } from './usecases/remind.usecase'
import { searchCourses } from './usecases/searchCourses.usecase'
import { signup } from './usecases/signup.usecase'

export const main = createFunction(
  trainingActions,
  {
    search: searchCourses,
    get: getCourseDetail,
    create: createCourse,
    cancelCourse,
    signup,
    cancel: cancelSignup,
    mySignups,
    myRecords,
    roster,
    markAttendance,
    complete,
  } satisfies Answering<typeof trainingActions, TrainingActionOutputs>,
  { triggers: { remind: remindTomorrow } },
)
