// 一寸照片: the current photo of an application, fetched with the session's token (a plain
// <img src> cannot carry it, dataProvider/files.ts) and shown at the 2-inch photo's proportions
// (35 × 49 mm, the form's box), or an empty box saying none was uploaded.
import PersonIcon from '@mui/icons-material/Person';
import { Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { fetchFile } from '../dataProvider/files.ts';
import { applicantQueries, query } from './applicantRequests.ts';

interface PhotoDocuments {
  node: { documents?: Array<{ id: string; mimeType: string; downloadUrl: string | null }> } | null;
}

/** The photo's bytes as an object URL while the component shows it. */
function usePhotoUrl(applicationId: string, photoId: string | null | undefined) {
  const photo = useQuery({
    // The document's id in the key: a new upload is a new photo.
    queryKey: ['applicant', 'photo', applicationId, photoId ?? null],
    enabled: !!photoId,
    queryFn: async () => {
      const data = await query<PhotoDocuments>(applicantQueries.applicationPhoto, { id: applicationId });
      const path = data.node?.documents?.[0]?.downloadUrl;
      return path ? (await fetchFile(path)).blob : null;
    },
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photo.data) return setUrl(null);
    const objectUrl = URL.createObjectURL(photo.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [photo.data]);
  return { url, isPending: !!photoId && photo.isPending, error: photo.error };
}

export const ApplicationPhoto = ({ applicationId, photoId, width = 105 }: { applicationId: string; photoId: string | null | undefined; width?: number }) => {
  const translate = useTranslate();
  const { url, isPending, error } = usePhotoUrl(applicationId, photoId);
  const height = Math.round((width * 49) / 35);
  return (
    <Box
      sx={{ width, height, flex: 'none', border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'grey.50' }}
      data-testid="applicant-photo"
      data-state={url ? 'shown' : photoId ? (error ? 'error' : 'loading') : 'none'}
    >
      {url ? (
        <Box component="img" src={url} alt={translate('tepei.applicant.documents.photoAlt')} sx={{ width: '100%', height: '100%', objectFit: 'cover' }} />
      ) : isPending ? (
        <CircularProgress size={20} aria-label={translate('ra.page.loading')} />
      ) : (
        <Box sx={{ textAlign: 'center', color: 'text.secondary', px: 0.5 }}>
          <PersonIcon aria-hidden />
          <Typography variant="caption" component="p">
            {error ? error.message : translate('tepei.applicant.documents.none')}
          </Typography>
        </Box>
      )}
    </Box>
  );
};
