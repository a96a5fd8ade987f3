// react-admin's layout (a drawer for the menu on phones) with a user menu whose accessible name
// holds the name it shows: a screen reader user and a voice-control user ("click 自治区人社厅管理员")
// then name the same button, which axe-core's label-content-name-mismatch rule asks for.
import { AppBar, Layout, Logout, TitlePortal, UserMenu, useGetIdentity, useTranslate, type AppBarProps, type LayoutProps } from 'react-admin';

const ConsoleUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = translate('ra.auth.user_menu');
  return (
    <UserMenu label={identity?.fullName ? `${label}：${identity.fullName}` : label}>
      <Logout />
    </UserMenu>
  );
};

// A long title (a trainee's name and round on a phone) ends in an ellipsis short of the buttons beside it.
const ConsoleAppBar = (props: AppBarProps) => (
  <AppBar {...props} userMenu={<ConsoleUserMenu />}>
    <TitlePortal sx={{ mr: 1, minWidth: 0 }} />
  </AppBar>
);

export const ConsoleLayout = (props: LayoutProps) => <Layout {...props} appBar={ConsoleAppBar} />;
