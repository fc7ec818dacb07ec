/** The cookie that says which of the user's playgrounds a browser works in; absent: real data. */
export const PLAYGROUND_COOKIE = "apb-speeltuin";
